const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything/oauth");
xhr.setRequestHeader("Accept", "application/json");
xhr.setRequestHeader("Authorization", "Bearer YOUR_ACCESS_TOKEN");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
