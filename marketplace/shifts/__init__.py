"""Shifts: seats from the staffing plan, claims and waitlists, attendance (check-in, no-shows, who is on
shift now: ``attendance.checked_in_members``), the seat gate and the calendar."""
