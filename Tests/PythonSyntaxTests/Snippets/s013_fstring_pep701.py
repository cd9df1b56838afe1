songs = ["a", "b"]
x = f"{", ".join(songs)}"
