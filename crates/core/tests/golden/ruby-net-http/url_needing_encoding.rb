require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/a%20b/%5Bx%5D?q=a%20b&tag=%7Bx%7D&it%27s=%C3%BC&pct=100%25")
request = Net::HTTP::Get.new(uri)

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
