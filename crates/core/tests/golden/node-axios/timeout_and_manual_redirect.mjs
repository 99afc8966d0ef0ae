import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything",
    timeout: 2500,
    maxRedirects: 0,
    validateStatus: (status) => status >= 200 && status < 400,
});

console.log(response.status, response.statusText);
console.log(response.data);
