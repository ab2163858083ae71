# frozen_string_literal: true

# Signed links and their keys (include/referral/link.h).
module Referral
  # A signed link and its fields (campaign and content "" when none).
  Link = Struct.new(:url, :code, :campaign, :content, :expires_at, :key_id,
                    keyword_init: true) do
    def self.from_native(c)
      new(url: Convert.text_out(c[:url]), code: Convert.text_out(c[:code]),
          campaign: Convert.text_out(c[:campaign]), content: Convert.text_out(c[:content]),
          expires_at: Convert.optional_time_out(c[:expires_at_ms]), key_id: c[:key_id]).freeze
    end
  end

  # A link key's state; the secret never leaves the store.
  LinkKey = Struct.new(:id, :created_at, :retired_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], created_at: Convert.time_out(c[:created_at_ms]),
          retired_at: Convert.optional_time_out(c[:retired_at_ms])).freeze
    end

    def active?
      retired_at.nil?
    end
  end

  class Store
    # Add a random link key (the newest active one signs); returns its id.
    def add_link_key
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_link_key_add, [], out)
      out.read_int64
    end

    # Retire a key: links it signed raise LinkKeyError from then on.
    def retire_link_key(id)
      invoke(:rf_link_key_retire, [], Convert.int64(id, "id"))
      nil
    end

    # Every link key, oldest first.
    def link_keys
      fetch(:rf_link_key_list, :rf_link_keys_free, Native::LinkKeys) do |c, _|
        Convert.each_item(c[:items], c[:count], Native::LinkKey)
               .map { |k| LinkKey.from_native(k) }.freeze
      end
    end

    # Build a link signed with the newest active key.
    def build_link(base_url, code, campaign: nil, content: nil, expires_at: nil)
      fetch(:rf_link_build, :rf_link_free, Native::Link, text(base_url, "base_url"),
            text(code, "code"), text(campaign, "campaign"), text(content, "content"),
            Convert.time_in(expires_at, "expires_at")) { |c, _| Link.from_native(c) }
    end

    # Verify a link: its fields, or TamperedError, LinkKeyError, ExpiredError.
    def verify_link(link)
      fetch(:rf_link_verify, :rf_link_free, Native::Link, text(link, "link")) do |c, _|
        Link.from_native(c)
      end
    end
  end
end
