/*
 * libreferral — an embeddable library for referral programs.
 * Include this one header; see README.md for a tour.
 */
#ifndef REFERRAL_H
#define REFERRAL_H

#include "referral/common.h"
#include "referral/version.h"
#include "referral/errors.h"
#include "referral/names.h"
#include "referral/store.h"
#include "referral/program.h"
#include "referral/advocate.h"
#include "referral/code.h"
#include "referral/touchpoint.h"
#include "referral/conversion.h"
#include "referral/stats.h"
#include "referral/report.h"
#include "referral/identity.h"
#include "referral/attribution.h"
#include "referral/paths.h"
#include "referral/link.h"
#include "referral/consent.h"
#include "referral/privacy.h"
#include "referral/reward.h"
#include "referral/fraud.h"
#include "referral/activity.h"
#include "referral/export.h"
#include "referral/engagement.h"
#include "referral/score.h"
#include "referral/stage.h"
#include "referral/content.h"
#include "referral/voice.h"

#endif
