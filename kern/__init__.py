"""What several apps use: who is looking (`audience`), the one-time link (`one_time_link`), the honeypot
(`forms`) and the rate limit of public forms (`ratelimit`). It imports no app of the project."""
