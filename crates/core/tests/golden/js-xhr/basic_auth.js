const xhr = new XMLHttpRequest();
xhr.open("PUT", "http://localhost:8080/anything/basic");
xhr.setRequestHeader("Authorization", "Basic " + btoa(String.fromCharCode(...new TextEncoder().encode("peter:s3cr3t: 'quoted' ü"))));
xhr.setRequestHeader("Content-Type", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("{\"ok\": true}");
