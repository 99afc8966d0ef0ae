const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything");
// Browsers send a header string as Latin-1, a byte a character: these strings are the values' UTF-8 bytes.
xhr.setRequestHeader("X-Note", String.fromCharCode(...new TextEncoder().encode("café ✓")));
xhr.setRequestHeader("X-Latin", String.fromCharCode(...new TextEncoder().encode("naïve")));
xhr.setRequestHeader("Accept", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
