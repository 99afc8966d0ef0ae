import axios from "axios";

const response = await axios({
    method: "PUT",
    url: "http://localhost:8080/anything/basic",
    headers: {
        "Content-Type": "application/json",
    },
    data: "{\"ok\": true}",
    auth: { username: "peter", password: "s3cr3t: 'quoted' ü" },
});

console.log(response.status, response.statusText);
console.log(response.data);
