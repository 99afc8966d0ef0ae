require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Post.new(uri)
request.set_form([
    ["title", "Holiday photos"],
    ["photo", File.open("pixel.png", "rb"), { filename: "pixel.png", content_type: "image/png" }],
    ["notes", File.open("hello.txt", "rb"), { filename: "hello.txt", content_type: "text/plain" }],
    ["at", "@hello.txt"],
], "multipart/form-data")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
