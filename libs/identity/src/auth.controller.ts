import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponse, ApiErrors, Ctx, Permission, Public, RequestContext, RequirePermission } from '@namndrum/core';
import { AuthService } from './auth.service';
import { AccessTokenDto, ChangePasswordDto, LoginDto, MeDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with e-mail and password', description: 'Answers a bearer token for the Authorization header' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrorResponse(401, 'Wrong e-mail or password')
  @ApiErrors(400, 413, 429)
  login(@Ctx() ctx: RequestContext, @Body() dto: LoginDto) {
    return this.auth.login(ctx, dto);
  }

  @Post('password')
  @RequirePermission(Permission.SignedIn)
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: "Change the signed-in user's password", description: 'Every token issued before is refused from now on; the answer is a new token.' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrorResponse(400, 'The current password does not match, or the new one is too short')
  @ApiErrors(413, 429)
  changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(ctx, dto);
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
