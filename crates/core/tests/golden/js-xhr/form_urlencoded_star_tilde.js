const params = new URLSearchParams({
    "glob": "*.txt",
    "home": "~/docs",
});

const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything");
xhr.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send(params);
