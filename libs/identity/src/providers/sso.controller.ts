import { Body, Controller, Get, Logger, Param, Post, Query, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig, Public, secureCookies } from '@namndrum/core';
import { SessionService } from '../session.service';
import { safeReturnPath, signInFailurePath, SignInRefused } from './provider-identity';
import { ProviderSignInService, SIGN_IN_BINDING_COOKIE, SignInCompleted } from './provider-sign-in.service';

const BINDING_COOKIE_PATH = '/api/auth/sso';

/**
 * The browser's way through an identity provider. Outside API versioning: its addresses are registered
 * at the providers (redirect URI, ACS, SP metadata) and must not move with the API's version. A failed
 * sign-in goes back to the sign-in page with a code it explains in Swedish, and the page the user was going to;
 * the reason is logged.
 */
@ApiExcludeController()
@Controller({ path: 'auth/sso', version: VERSION_NEUTRAL })
export class SsoController {
  private readonly logger = new Logger(SsoController.name);

  constructor(
    private readonly signIn: ProviderSignInService,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  @Get(':key/start')
  @Public()
  async start(@Param('key') key: string, @Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    await this.answer(response, key, async () => {
      const started = await this.signIn.start(key, safeReturnPath(returnTo));
      if (started.browserBinding) response.cookie(SIGN_IN_BINDING_COOKIE, started.browserBinding, { ...this.bindingCookieOptions(), maxAge: 10 * 60 * 1000 });
      return started.redirectTo;
    });
  }

  /** The OpenID Connect redirect URI. */
  @Get(':key/callback')
  @Public()
  async callback(@Param('key') key: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const query = new URL(request.originalUrl, 'http://callback').searchParams;
    const binding: unknown = request.cookies?.[SIGN_IN_BINDING_COOKIE];
    response.cookie(SIGN_IN_BINDING_COOKIE, '', { ...this.bindingCookieOptions(), maxAge: 0 });
    await this.answer(response, key, async () => this.signedIn(response, await this.signIn.completeOidc(key, query, typeof binding === 'string' ? binding : undefined, request)));
  }

  /** The SAML AssertionConsumerService (HTTP-POST binding). */
  @Post(':key/acs')
  @Public()
  async acs(@Param('key') key: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answer(response, key, async () => {
      if (typeof body?.SAMLResponse !== 'string') throw new SignInRefused('SSO_REFUSED', 'The POST has no SAMLResponse');
      return this.signedIn(response, await this.signIn.completeSaml(key, body.SAMLResponse, request));
    });
  }

  /**
   * OpenID Connect back-channel logout: the provider posts a signed logout token when the user signs
   * out there or in another application, and the Nämndrum sessions it names end. 200, or 400 with an
   * OAuth error for a token that fails its checks, as the specification asks.
   */
  @Post(':key/backchannel-logout')
  @Public()
  async backchannelLogout(@Param('key') key: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    try {
      if (typeof body?.logout_token !== 'string') throw new SignInRefused('SSO_REFUSED', 'The POST has no logout_token');
      await this.signIn.backchannelLogout(key, body.logout_token);
      response.status(200).end();
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      this.logger.warn({ provider: key, reason: error.message }, 'Back-channel logout refused');
      response.status(400).json({ error: 'invalid_request', error_description: 'The logout token was refused' });
    }
  }

  /** The SP metadata to register at a SAML IdP; its address is the SP's entity id. */
  @Get(':key/metadata')
  @Public()
  async metadata(@Param('key') key: string, @Res() response: Response): Promise<void> {
    try {
      const provider = await this.signIn.enabledProvider(key);
      if (provider.protocol !== 'saml') throw new SignInRefused('SSO_UNAVAILABLE', 'Not a SAML provider');
      response.type('application/samlmetadata+xml').send(this.signIn.spMetadata(provider));
    } catch {
      response.status(404).type('text/plain; charset=utf-8').send('Ingen SAML-inloggningstjänst med den nyckeln');
    }
  }

  private signedIn(response: Response, completed: SignInCompleted): string {
    this.sessions.setCookie(response, completed.started);
    return completed.returnTo;
  }

  private async answer(response: Response, key: string, redirectTo: () => Promise<string>): Promise<void> {
    let location: string;
    try {
      location = await redirectTo();
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      this.logger.warn({ provider: key, code: error.code, reason: error.message }, 'Sign-in through an identity provider refused');
      location = signInFailurePath(error);
    }
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, location);
  }

  private bindingCookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', path: BINDING_COOKIE_PATH, secure: secureCookies(this.config) };
  }
}
