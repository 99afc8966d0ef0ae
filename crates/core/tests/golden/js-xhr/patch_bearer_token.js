const xhr = new XMLHttpRequest();
xhr.open("PATCH", "http://localhost:8080/anything");
xhr.setRequestHeader("Authorization", "Bearer eyJhbGciOi.abc-123_x");
xhr.setRequestHeader("Content-Type", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("{\"done\":true}");
