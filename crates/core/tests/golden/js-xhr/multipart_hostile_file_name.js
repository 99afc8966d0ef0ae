// Choose "my file's data.csv" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const form = new FormData();
form.append("data", new Blob([file], { type: "text/csv" }), "my file's data.csv");
form.append("comment", "it's \"fine\" $(id) `x` <x;y>");

const xhr = new XMLHttpRequest();
xhr.open("PUT", "http://localhost:8080/anything/upload");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send(form);
