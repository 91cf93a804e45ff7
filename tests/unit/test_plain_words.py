"""Compliments are shown as plain text, whatever HTML the stored words carry."""

import pytest

from complaints_hc.learning.compliments import plain_words


@pytest.mark.parametrize(
	"stored, shown",
	[
		("Alice listened to us &amp; never judged <b>us</b>.", "Alice listened to us & never judged us."),
		("<p>Thank you</p><script>alert(1)</script>", "Thank youalert(1)"),
		("  Plain words  ", "Plain words"),
		(None, ""),
	],
)
def test_plain_words(stored, shown):
	assert plain_words(stored) == shown
