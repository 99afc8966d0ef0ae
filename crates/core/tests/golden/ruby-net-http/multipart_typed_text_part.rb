require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Post.new(uri)
request.set_form([
    ["meta", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}"],
    ["title", "plain; field"],
    ["notes", File.open("hello.txt", "rb"), { filename: "hello.txt", content_type: "text/markdown" }],
], "multipart/form-data")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
