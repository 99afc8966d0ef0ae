// Choose "bytes.bin" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything/bin");
xhr.setRequestHeader("Content-Type", "application/octet-stream");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send(file);
