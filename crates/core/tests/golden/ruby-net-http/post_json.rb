require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Post.new(uri)
request.body = "{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}"
request["Content-Type"] = "application/json"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
