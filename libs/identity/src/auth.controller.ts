import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrorResponse, ApiErrors, Ctx, Permission, Public, RequestContext, RequirePermission } from '@namndrum/core';
import { AuthService } from './auth.service';
import { JsonBodyGuard } from './json-body.guard';
import { SignedOutDto } from './providers/dto/identity-provider.dto';
import { ProviderSignInService } from './providers/provider-sign-in.service';
import { AccessTokenDto, ChangePasswordDto, LoginDto, MeDto, SessionDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import type { AuthenticatedRequest } from './session.service';
import { BrowserSession, CurrentSession, SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly providerSignIn: ProviderSignInService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with e-mail and password', description: 'Answers a bearer token for the Authorization header' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrorResponse(401, 'Wrong e-mail or password')
  @ApiErrorResponse(403, "The user's municipality has turned password sign-in off (PASSWORD_SIGN_IN_OFF)")
  @ApiErrors(400, 413, 429)
  login(@Ctx() ctx: RequestContext, @Body() dto: LoginDto) {
    return this.auth.login(ctx, dto);
  }

  @Post('session')
  @Public()
  @HttpCode(200)
  @UseGuards(JsonBodyGuard, LoginThrottlerGuard)
  @ApiOperation({
    summary: 'Sign a browser in with e-mail and password',
    description: 'Starts a server-side session and sets it in the HttpOnly cookie namndrum_session; the answer holds the CSRF token every cookie-signed write must send as X-CSRF-Token.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrorResponse(401, 'Wrong e-mail or password')
  @ApiErrorResponse(403, "The user's municipality has turned password sign-in off (PASSWORD_SIGN_IN_OFF)")
  @ApiErrorResponse(415, 'The body is not JSON (UNSUPPORTED_MEDIA_TYPE): a form on another site cannot sign the browser in')
  @ApiErrors(400, 413, 429)
  async startSession(@Ctx() ctx: RequestContext, @Body() dto: LoginDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const { started, answer } = await this.auth.startSession(ctx, dto, request);
    this.sessions.setCookie(response, started);
    return answer;
  }

  @Get('session')
  @RequirePermission(Permission.SignedIn)
  @ApiOperation({ summary: "Get the browser's session: the signed-in user and the CSRF token", description: 'Signed in by the session cookie only; 401 without one.' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400)
  async session(@Ctx() ctx: RequestContext, @CurrentSession() session: BrowserSession | undefined): Promise<SessionDto> {
    const current = requireSession(session);
    return { user: await this.auth.me(ctx), csrfToken: current.csrfToken, expiresAt: current.expiresAt, signedInWith: ctx.actor!.authentication };
  }

  @Delete('session')
  @RequirePermission(Permission.SignedIn)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign the browser out',
    description: "Ends the session server-side, so its cookie is refused from now on, and clears the cookie. A session from an identity provider answers the provider's end-session address, where the browser goes to sign out there too.",
  })
  @ApiOkResponse({ type: SignedOutDto })
  @ApiErrors(400)
  async endSession(@Ctx() ctx: RequestContext, @CurrentSession() session: BrowserSession | undefined, @Res({ passthrough: true }) response: Response): Promise<SignedOutDto> {
    const current = requireSession(session);
    const endSessionUrl = await this.providerSignIn.endSessionUrl(current.id);
    await this.auth.endSession(ctx, current);
    this.sessions.clearCookie(response);
    return { endSessionUrl };
  }

  @Post('password')
  @RequirePermission(Permission.SignedIn)
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    summary: "Change the signed-in user's password",
    description: 'Every token and session from before is refused from now on; the answer is a new token, and a browser signed in by its cookie gets a new session cookie (and CSRF token, from GET auth/session).',
  })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrorResponse(400, 'The current password does not match, or the new one is too short')
  @ApiErrors(413, 429)
  async changePassword(
    @Ctx() ctx: RequestContext,
    @Body() dto: ChangePasswordDto,
    @CurrentSession() session: BrowserSession | undefined,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessTokenDto> {
    const { token, renewed } = await this.auth.changePassword(ctx, dto, session, request);
    if (renewed) this.sessions.setCookie(response, renewed);
    return token;
  }

  @Get('me')
  @RequirePermission(Permission.SignedIn)
  @ApiOperation({ summary: 'Get the signed-in user with roles and permissions' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400)
  me(@Ctx() ctx: RequestContext) {
    return this.auth.me(ctx);
  }
}

/** The session operations are the browser's: a bearer token has no session to show or end. */
function requireSession(session: BrowserSession | undefined): BrowserSession {
  if (!session) throw new UnauthorizedException({ swedishMessage: 'Ingen inloggning i webbläsaren: logga in med e-post och lösenord' });
  return session;
}
