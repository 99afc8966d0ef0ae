const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything?page=2&per_page=50");
xhr.setRequestHeader("Accept", "application/json");
xhr.setRequestHeader("Accept-Language", "en-US,en;q=0.9");
xhr.setRequestHeader("Cache-Control", "no-cache");
xhr.setRequestHeader("X-Request-Id", "7f3a-11");
xhr.setRequestHeader("Content-Type", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("[1, 2.5, null, \"x\"]");
