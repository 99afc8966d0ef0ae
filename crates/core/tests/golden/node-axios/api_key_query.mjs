import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything?page=1&api+key=v+1%262",
});

console.log(response.status, response.statusText);
console.log(response.data);
