<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title><c:out value="${title}"/> - usersession demo</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/webjars/bulma/1.0.4/css/bulma.min.css">
</head>
<body>
<section class="section">
<div class="container is-max-tablet">
    <h1 class="title" id="title"><c:out value="${title}"/></h1>

    <c:forEach var="flash" items="${flashes}">
        <div class="notification is-${flash.kind}" data-flash="${flash.kind}"><c:out value="${flash.message}"/></div>
    </c:forEach>
    <c:if test="${not empty notice.text}">
        <p class="has-text-grey" id="notice"><c:out value="${notice.text}"/></p>
    </c:if>

    <h2 class="subtitle">A form with Jakarta MVC's CSRF check</h2>
    <form method="post" action="${mvc.basePath}/cases/form">
        <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
        <div class="field has-addons">
            <div class="control"><input class="input" name="name" placeholder="Your name"></div>
            <div class="control"><button class="button is-link" type="submit">Send</button></div>
        </div>
    </form>

    <h2 class="subtitle">Queue a flash</h2>
    <form method="post" action="${mvc.basePath}/cases/queue">
        <div class="field has-addons">
            <div class="control">
                <div class="select">
                    <select name="kind">
                        <option>success</option><option>info</option><option>warning</option><option>danger</option>
                    </select>
                </div>
            </div>
            <div class="control"><input class="input" name="message" value="Queued for the next page."></div>
            <div class="control"><input class="input" name="page" placeholder="for page, e.g. /cases/report"></div>
            <div class="control"><button class="button" type="submit">Queue</button></div>
        </div>
    </form>

    <p>
        <a href="${mvc.basePath}/cases/report">Report page</a> |
        <a href="${mvc.basePath}/cases/kept">Show and keep</a> |
        <a href="${mvc.basePath}/cases/facelets">Facelets</a> |
        <a href="${mvc.basePath}/cases/text">Plain text engine</a> |
        <a href="${mvc.basePath}/">Home</a>
    </p>
</div>
</section>
</body>
</html>
