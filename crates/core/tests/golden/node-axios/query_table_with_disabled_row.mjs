import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything?name=Peter&age=30&q=a%20b%26c=d",
});

console.log(response.status, response.statusText);
console.log(response.data);
