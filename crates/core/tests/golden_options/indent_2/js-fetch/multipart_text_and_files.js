// Choose "pixel.png", "hello.txt" in the page's <input type="file" multiple>, in this order.
const files = document.querySelector("input[type=file]").files;

const url = "http://localhost:8080/anything";
const form = new FormData();
form.append("title", "Holiday photos");
form.append("photo", new Blob([files[0]], { type: "image/png" }), "pixel.png");
form.append("notes", new Blob([files[1]], { type: "text/plain" }), "hello.txt");
form.append("at", "@hello.txt");

const response = await fetch(url, {
  method: "POST",
  body: form,
});

console.log(response.status, response.statusText);
console.log(await response.text());
