// Choose "my file's data.csv" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const url = "http://localhost:8080/anything/upload";
const form = new FormData();
form.append("data", new Blob([file], { type: "text/csv" }), "my file's data.csv");
form.append("comment", "it's \"fine\" $(id) `x` <x;y>");

const response = await fetch(url, {
    method: "PUT",
    body: form,
});

console.log(response.status, response.statusText);
console.log(await response.text());
