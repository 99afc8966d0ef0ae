const url = "http://localhost:8080/anything/dav";

const response = await fetch(url, {
    method: "PROPFIND",
    headers: {
        "Depth": "1",
        "Content-Type": "application/xml",
    },
    body: "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/>\x3C/propfind>",
});

console.log(response.status, response.statusText);
console.log(await response.text());
