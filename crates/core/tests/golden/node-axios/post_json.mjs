import axios from "axios";

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything",
    headers: {
        "Content-Type": "application/json",
    },
    data: "{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}",
});

console.log(response.status, response.statusText);
console.log(response.data);
