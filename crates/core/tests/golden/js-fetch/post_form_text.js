const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "name=Peter&city=New+York",
});

console.log(response.status, response.statusText);
console.log(await response.text());
