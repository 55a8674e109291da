"""What leaves the reader: the JSON export, and figures as table rows, clipboard text and files."""
