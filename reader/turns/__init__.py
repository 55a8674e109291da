"""From blocks to turns: page furniture out, the lead (key points, preamble) apart, each turn
from its marker to the next, the text the window shows, and questions paired with answers."""
