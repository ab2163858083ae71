# frozen_string_literal: true

require_relative "lib/referral/version"

Gem::Specification.new do |s|
  s.name = "referral"
  s.version = Referral::VERSION
  s.summary = "Ruby bindings (ruby-ffi) for libreferral, an embeddable referral-program library"
  s.description = "Referral programs, tracking codes, touchpoints, attributed conversions " \
                  "and stats in a SQLite file, through the libreferral C library."
  s.authors = ["libreferral contributors"]
  s.license = "Nonstandard"
  s.files = Dir["lib/**/*.rb"] + ["README.md"]
  s.require_paths = ["lib"]
  s.required_ruby_version = ">= 2.7"
  s.add_runtime_dependency "ffi", "~> 1.15"
  s.metadata["rubygems_mfa_required"] = "true"
end
