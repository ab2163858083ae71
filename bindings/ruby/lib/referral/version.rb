# frozen_string_literal: true

module Referral
  VERSION = "0.1.0"
end
