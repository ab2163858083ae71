# frozen_string_literal: true

require "json"

# Privacy (include/referral/privacy.h): hash-key rotation, per-program
# privacy policy, retention, erasure and export (right of access).
# Durations are Integer milliseconds.
module Referral
  # A key of the keyed hashes; its secret never leaves the store.
  HashKey = Struct.new(:id, :created_at, :retired_at, :expires_at, :live, :destroyed,
                       keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], created_at: Convert.time_out(c[:created_at_ms]),
          retired_at: Convert.optional_time_out(c[:retired_at_ms]),
          expires_at: Convert.optional_time_out(c[:expires_at_ms]), live: c[:live] == 1,
          destroyed: c[:destroyed] == 1).freeze
    end
  end

  # A program's current privacy policy (revision 0: never set).
  PrivacySettings = Struct.new(:program, :revision, :ip_truncate, :retention_ms, :set_at,
                               keyword_init: true)

  # What a retention purge removed.
  Purge = Struct.new(:program, :cutoff, :touchpoints, :activities, keyword_init: true)

  class Store
    # Hash with a new key; the old one stays matchable for overlap_ms. Returns its id.
    def rotate_secret(overlap_ms: 0)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_secret_rotate, [out], Convert.int64(overlap_ms, "overlap_ms"))
      out.read_int64
    end

    # Destroy the secrets of keys past their overlap; returns how many.
    def expire_secrets
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_secret_expire, [out])
      out.read_int64
    end

    # Every hash key, oldest first.
    def secrets
      fetch(:rf_secret_list, :rf_hash_keys_free, Native::HashKeys) do |c, _|
        Convert.each_item(c[:items], c[:count], Native::HashKey)
               .map { |k| HashKey.from_native(k) }.freeze
      end
    end

    # The advocate whose email hash matches under any live key (NotFoundError if none).
    def find_advocate_by_email(email)
      fetch(:rf_advocate_find_by_email, :rf_advocate_free, Native::Advocate,
            text(email, "email")) { |c, _| Advocate.from_native(c) }
    end

    # Set (re-key) or with nil clear an advocate's email hash.
    def set_advocate_email(external_id, email)
      invoke(:rf_advocate_set_email, [], text(external_id, "external_id"), text(email, "email"))
      nil
    end

    # Set a program's privacy policy; returns its revision.
    def set_privacy_policy(program, ip_truncate: false, retention_ms: 0)
      raise TypeError, "ip_truncate: expected true or false" unless [true, false].include?(ip_truncate)

      policy = Native::PrivacyPolicy.new
      Referral.check!(Native.rf_privacy_policy_init(policy, Native::PRIVACY_POLICY_VERSION))
      policy[:ip_truncate] = ip_truncate ? 1 : 0
      policy[:retention_ms] = Convert.int64(retention_ms, "retention_ms")
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_privacy_policy_set, [out], text(program, "program"), policy)
      out.read_int64
    end

    # A program's current privacy policy.
    def privacy_policy(program)
      fetch(:rf_privacy_policy_get, :rf_privacy_settings_free, Native::PrivacySettings,
            text(program, "program")) do |c, _|
        PrivacySettings.new(program: Convert.text_out(c[:program]), revision: c[:revision],
                            ip_truncate: c[:ip_truncate] == 1, retention_ms: c[:retention_ms],
                            set_at: Convert.optional_time_out(c[:set_at_ms])).freeze
      end
    end

    # Delete what the program keeps longer than its retention period.
    def purge_retention(program)
      fetch(:rf_retention_purge, :rf_purge_free, Native::Purge, text(program, "program")) do |c, _|
        Purge.new(program: Convert.text_out(c[:program]),
                  cutoff: Convert.optional_time_out(c[:cutoff_ms]),
                  touchpoints: c[:touchpoints], activities: c[:activities]).freeze
      end
    end

    # Erase an advocate: a tombstone keeps the numbers, nothing names them.
    def erase_advocate(external_id)
      invoke(:rf_advocate_erase, [], text(external_id, "external_id"))
      nil
    end

    # Erase a customer and its visitors' identities.
    def erase_customer(customer_id)
      invoke(:rf_customer_erase, [], text(customer_id, "customer_id"))
      nil
    end

    # Everything held about an advocate, as a Hash parsed from the library's JSON.
    def export_advocate(external_id)
      export_person(:rf_advocate_export, text(external_id, "external_id"))
    end

    # Everything held about a customer, as a Hash.
    def export_customer(customer_id)
      export_person(:rf_customer_export, text(customer_id, "customer_id"))
    end

    private

    def export_person(fn, id)
      out = FFI::MemoryPointer.new(:pointer)
      begin
        invoke(fn, [out], id)
        JSON.parse(out.read_pointer.read_string.force_encoding(Encoding::UTF_8))
      ensure
        pointer = out.read_pointer
        Native.rf_person_export_free(pointer) unless pointer.null?
      end
    end
  end
end
