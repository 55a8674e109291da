"""Getting a document in: reading the file, decoding it, its front matter, the model cache."""
