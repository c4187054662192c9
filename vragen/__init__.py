"""Questions to the network's advisers: the form at /vragen/, routing to an adviser, the queue and answers
in the admin, the asker's thread link, answer-time targets, the published FAQ and the retention period."""
