"""Source formats to styled blocks: HTML pages and fragments, Markdown with front matter, plain text."""
