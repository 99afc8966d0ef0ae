// Choose "pixel.png", "hello.txt" in the page's <input type="file" multiple>, in this order.
const files = document.querySelector("input[type=file]").files;

const form = new FormData();
form.append("title", "Holiday photos");
form.append("photo", new Blob([files[0]], { type: "image/png" }), "pixel.png");
form.append("notes", new Blob([files[1]], { type: "text/plain" }), "hello.txt");
form.append("at", "@hello.txt");

const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send(form);
