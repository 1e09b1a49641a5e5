<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- Bulma is served from its webjar in WEB-INF/lib; keep the version in the link equal to bulma.version in pom.xml. --%>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>usersession demo</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/webjars/bulma/1.0.4/css/bulma.min.css">
</head>
<body>
<section class="section">
    <div class="container is-max-tablet">
        <h1 class="title">usersession demo</h1>

        <c:forEach var="flash" items="${flashes}">
            <div class="notification is-${flash.kind}" data-flash="${flash.kind}"><c:out value="${flash.message}"/></div>
        </c:forEach>

        <div class="box">
            <c:choose>
                <c:when test="${empty user}">
                    <p id="user" class="block">You are a guest.</p>
                    <form method="post" action="${mvc.basePath}/login">
                        <div class="field is-grouped">
                            <p class="control"><input class="input" name="username" value="alice" placeholder="User" aria-label="User"></p>
                            <p class="control"><input class="input" name="password" type="password" placeholder="Password" aria-label="Password"></p>
                            <p class="control"><button id="sign-in" class="button is-primary" type="submit">Sign in</button></p>
                        </div>
                    </form>
                </c:when>
                <c:otherwise>
                    <p id="user" class="block">Signed in as <strong><c:out value="${user}"/></strong>.</p>
                    <form method="post" action="${mvc.basePath}/logout">
                        <button id="sign-out" class="button" type="submit">Sign out</button>
                    </form>
                </c:otherwise>
            </c:choose>
        </div>

        <div class="columns">
            <div class="column">
                <div class="box">
                    <h2 class="subtitle">Preference</h2>
                    <p id="color" class="block">Color: <c:out value="${empty color ? 'none' : color}"/></p>
                    <form method="post" action="${mvc.basePath}/color">
                        <div class="field has-addons">
                            <p class="control"><input class="input" name="color" value="<c:out value='${color}'/>" placeholder="Color" aria-label="Color"></p>
                            <p class="control"><button class="button is-info" type="submit">Save</button></p>
                        </div>
                    </form>
                </div>
            </div>
            <div class="column">
                <div class="box">
                    <h2 class="subtitle">Cart</h2>
                    <div class="content">
                        <ul id="cart">
                            <c:forEach var="item" items="${cartItems}">
                                <li><c:out value="${item}"/></li>
                            </c:forEach>
                        </ul>
                    </div>
                    <form method="post" action="${mvc.basePath}/cart">
                        <div class="field has-addons">
                            <p class="control"><input class="input" name="item" placeholder="Item" aria-label="Item"></p>
                            <p class="control"><button class="button is-info" type="submit">Add</button></p>
                        </div>
                    </form>
                </div>
            </div>
        </div>

        <div class="box">
            <h2 class="subtitle">Background requests</h2>
            <p id="background" class="block" data-url="${mvc.basePath}/api/session">Reading the session as JSON...</p>
            <div class="field is-grouped is-align-items-center">
                <p class="control">
                    <button id="remind" class="button is-warning" type="button"
                            data-url="${mvc.basePath}/api/reminders" data-missing-url="${mvc.basePath}/missing.png">Remind me</button>
                </p>
                <p id="reminder" class="control"></p>
            </div>
        </div>

        <p><a href="${mvc.basePath}/cases">More flash cases</a>: a form with a flash for this request only,
            flashes kept for one more page or waiting for one page, Facelets and a plain text view engine.</p>
    </div>
</section>

<script>
    // Requests that a page script sends right after a redirect: JSON calls and a missing asset (HTTP 404).
    // None of them renders a view, so none of them takes the queued flashes.
    const background = document.getElementById("background");
    const remindButton = document.getElementById("remind");
    const reminder = document.getElementById("reminder");

    async function fetchJson(url, options) {
        const response = await fetch(url, options);
        if (!response.ok) {
            throw new Error(url + " returned HTTP " + response.status);
        }
        return response.json();
    }

    // Sets the text and data-done="true", which the browser test waits for.
    function finish(element, text) {
        element.textContent = text;
        element.dataset.done = "true";
    }

    async function showSession() {
        try {
            const session = await fetchJson(background.dataset.url);
            finish(background, session.guest
                ? "Background request: you are a guest."
                : "Background request: signed in as " + session.userId + ".");
        } catch (error) {
            finish(background, "Background request failed: " + error.message);
        }
    }

    async function queueReminder() {
        delete reminder.dataset.done;
        try {
            const flash = await fetchJson(remindButton.dataset.url, { method: "POST" });
            await fetchJson(background.dataset.url);
            await fetch(remindButton.dataset.missingUrl);
            finish(reminder, "Queued a " + flash.kind + " flash: reload the page to see it.");
        } catch (error) {
            finish(reminder, "Queueing the reminder failed: " + error.message);
        }
    }

    remindButton.addEventListener("click", queueReminder);
    showSession();
</script>
</body>
</html>
