require "net/http"
require "uri"

uri = URI("http://localhost:8080/sse/chat")
request = Net::HTTP::Post.new(uri)
request.body = "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}"
request["Content-Type"] = "application/json"
request["Accept"] = "text/event-stream"

Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request) do |response|
        puts "#{response.code} #{response.message}"
        response.read_body do |chunk|
            print chunk
            $stdout.flush
        end
    end
end
