"""What onsite knows about a learner: answer checking, ability estimates, review schedules."""
