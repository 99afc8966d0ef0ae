// Choose "hello.txt" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const form = new FormData();
form.append("meta", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}");
form.append("title", "plain; field");
form.append("notes", new Blob([file], { type: "text/markdown" }), "hello.txt");

const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send(form);
