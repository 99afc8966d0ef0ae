// Choose "bytes.bin" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const url = "http://localhost:8080/anything/bin";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "application/octet-stream",
    },
    body: file,
});

console.log(response.status, response.statusText);
console.log(await response.text());
