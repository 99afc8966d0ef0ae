require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Post.new(uri)
request.body = "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'"
request["X-Hostile"] = "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <"
request["Content-Type"] = "text/plain;charset=UTF-8"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
