"""`sochelp checkup`: a cyber-hygiene and crime-resilience check-up for every audience."""
