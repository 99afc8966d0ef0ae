const url = "http://localhost:8080/anything";
const params = new URLSearchParams({
    "glob": "*.txt",
    "home": "~/docs",
});

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "application/x-www-form-urlencoded",
    },
    body: params,
});

console.log(response.status, response.statusText);
console.log(await response.text());
