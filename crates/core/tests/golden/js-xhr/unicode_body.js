const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything");
xhr.setRequestHeader("Content-Type", "text/plain; charset=utf-8");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("héllo ✓ 日本語 🦀 \u202E hidden \x07 bell");
