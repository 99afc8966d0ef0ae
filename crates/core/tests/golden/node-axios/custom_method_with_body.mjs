import axios from "axios";

const response = await axios({
    method: "PROPFIND",
    url: "http://localhost:8080/anything/dav",
    headers: {
        "Depth": "1",
        "Content-Type": "application/xml",
    },
    data: "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/>\x3C/propfind>",
});

console.log(response.status, response.statusText);
console.log(response.data);
