const url = "http://localhost:8080/anything/basic";

const response = await fetch(url, {
    method: "PUT",
    headers: {
        "Authorization": "Basic " + Buffer.from("peter:s3cr3t: 'quoted' ü").toString("base64"),
        "Content-Type": "application/json",
    },
    body: "{\"ok\": true}",
});

console.log(response.status, response.statusText);
console.log(await response.text());
