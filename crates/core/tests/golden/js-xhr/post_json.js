const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything");
xhr.setRequestHeader("Content-Type", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}");
