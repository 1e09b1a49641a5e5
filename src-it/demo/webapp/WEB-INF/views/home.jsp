<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <title>usersession demo</title>
    <style>
        body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; }
        .flash { padding: .6rem 1rem; border-radius: .3rem; margin-bottom: .5rem; }
        .flash.success { background: #d1f2dc; }
        .flash.info { background: #d6ebfa; }
        .flash.warning { background: #fff3c4; }
        .flash.danger { background: #fbd5d5; }
        form { margin: 1rem 0; }
    </style>
</head>
<body>
<h1>usersession demo</h1>

<c:forEach var="flash" items="${flashes}">
    <div class="flash ${flash.kind}" data-flash="${flash.kind}"><c:out value="${flash.message}"/></div>
</c:forEach>

<c:choose>
    <c:when test="${empty user}">
        <p id="user">You are a guest.</p>
        <form method="post" action="${mvc.basePath}/login">
            <label>User <input name="username" value="alice"></label>
            <label>Password <input name="password" type="password"></label>
            <button type="submit">Sign in</button>
        </form>
    </c:when>
    <c:otherwise>
        <p id="user">Signed in as <strong><c:out value="${user}"/></strong>.</p>
        <form method="post" action="${mvc.basePath}/logout">
            <button type="submit">Sign out</button>
        </form>
    </c:otherwise>
</c:choose>

<h2>Preference</h2>
<p id="color">Color: <c:out value="${empty color ? 'none' : color}"/></p>
<form method="post" action="${mvc.basePath}/color">
    <label>Color <input name="color" value="<c:out value='${color}'/>"></label>
    <button type="submit">Save</button>
</form>

<h2>Cart</h2>
<ul id="cart">
    <c:forEach var="item" items="${cartItems}">
        <li><c:out value="${item}"/></li>
    </c:forEach>
</ul>
<form method="post" action="${mvc.basePath}/cart">
    <label>Item <input name="item"></label>
    <button type="submit">Add</button>
</form>
</body>
</html>
