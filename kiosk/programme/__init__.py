"""The programme as organisers write it: sessions from an agenda file or the
command line, and bookings for sessions that need them."""
