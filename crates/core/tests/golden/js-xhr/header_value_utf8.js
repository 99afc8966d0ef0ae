const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything");
xhr.setRequestHeader("X-Note", "café ✓");
xhr.setRequestHeader("X-Latin", "naïve");
xhr.setRequestHeader("Accept", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
